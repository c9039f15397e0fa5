#pragma once

// Suite `initial-sync`: a county's history (1,000,000 records of about 1 KB unless
// --records N) pushed by its inspectors' tablets through a real qingshui-server, then pulled
// into an empty supervisor store until the review search finds the last record
// (searchablepull.h): initial_sync_1m_s.
int runInitialSyncBench(int argc, char *argv[]);
