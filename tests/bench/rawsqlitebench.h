#pragma once

// What this machine's SQLite does with no Qingshui code in the way: 100,000 rows of one
// kilobyte inserted in one transaction into a WAL file (synchronous=NORMAL, as the app's
// store), through one prepared statement. The sync figures are read as ratios to it.
double rawSqliteInsertsPerSecond();
