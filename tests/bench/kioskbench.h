#pragma once

// qingshui-bench kiosk [--cycles N] [--size WxH]: the soak of the exhibition kiosk through
// its real QML (attract steps and touch navigation); prints RSS growth and frame times.
int runKioskBench(int argc, char *argv[]);
