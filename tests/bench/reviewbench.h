#pragma once

// Suite `review`: the supervisor's review queue over a store of 100,000 pulled records —
// full-text search (issue 5's figures).
int runReviewBench();
