#pragma once

// Suite `load`: 1,000 tablets at the morning peak against one real qingshui-server (issue 14).
//   qingshui-bench load [--devices 1000] [--records 20] [--batch 5] [--window-s 60]
//                       [--seed 14] [--db FILE|postgresql://…]
int runLoadBench(int argc, char *argv[]);
