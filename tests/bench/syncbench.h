#pragma once

// Suite `sync`: push, pull and a sync with nothing to do, against a real qingshui-server
// process on loopback (issue 4's figures).
int runSyncBench();
