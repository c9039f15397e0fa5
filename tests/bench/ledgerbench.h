#pragma once

// Suite `review`, the ledger's part (issue 16): the supervisor's filtered ledger over 100,000
// problems and the coverage of all 4,252 villages over 100,000 records.
int runLedgerBench();
