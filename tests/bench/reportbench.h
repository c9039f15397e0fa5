#pragma once

// The supervisor's dashboard and exports over a store of 100,000 pulled records (issue 5's
// figures; part of suite `review`).
int runReportBench();
