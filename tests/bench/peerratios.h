#pragma once

struct SyncFigures;

// The PouchDB/CouchDB peer measured on this machine by scripts/bench-pouchdb.sh, read from the
// file named by QS_PEER_FIGURES (`name value unit` lines). Prints the peer's figures and
// push_to_pouchdb_b{100,500}_ratio, pull_to_pouchdb_b{100,500}_ratio (ours / the peer's
// docs per second: above 1 is faster) and noop_sync_to_pouchdb_ratio (our ms / the peer's
// best ms: below 1 is faster). Prints nothing when QS_PEER_FIGURES is unset; says why on
// stderr when the file cannot be read or lacks a figure.
void printPeerRatios(const SyncFigures &figures);
