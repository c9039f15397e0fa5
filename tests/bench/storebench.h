#pragma once

// Suite `store`: saving records, filtering the list and starting the app, over a store of
// 100,000 records (issue 3's figures).
int runStoreBench();
