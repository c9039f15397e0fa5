// PouchDB <-> pouchdb-server replication benchmark (loopback only).
// Usage: node bench_replicate.js [N_DOCS=10000] [ADAPTER=leveldb|memory] [BATCH_SIZE=100] [REPS=3]
// Server must be running: pouchdb-server --host 127.0.0.1 --port 5985 --dir <dir>
'use strict';
const PouchDB = require('pouchdb');
PouchDB.plugin(require('pouchdb-adapter-memory'));
const fs = require('fs');
const path = require('path');

const N = parseInt(process.argv[2] || '10000', 10);
const ADAPTER = process.argv[3] || 'leveldb';
const BATCH = parseInt(process.argv[4] || '100', 10);
const REPS = parseInt(process.argv[5] || '3', 10);
const SERVER = process.env.POUCH_SERVER || 'http://127.0.0.1:5985';
if (!/^http:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?$/.test(SERVER)) {
  throw new Error('loopback only: ' + SERVER);
}
// The client's leveldb files: POUCH_LOCAL_DIR (scripts/bench-pouchdb.sh sets it).
const LOCAL_DIR = process.env.POUCH_LOCAL_DIR || '/tmp/pouch/localdbs';
fs.mkdirSync(LOCAL_DIR, { recursive: true });

function makeDoc(i) {
  // ~1 KB JSON document resembling an inspection record
  const note = ('note-' + i + '-').repeat(80).slice(0, 875);
  return {
    _id: 'visit:' + String(i).padStart(8, '0') + ':' + ((i * 2654435761) >>> 0).toString(16),
    type: 'inspection_visit',
    inspector: 'insp-' + (i % 50),
    site: 'site-' + (i % 1000),
    created_at: new Date(1700000000000 + i * 1000).toISOString(),
    gps: { lat: 47.0 + (i % 1000) / 1e4, lon: 8.0 + (i % 777) / 1e4, acc_m: 4.5 },
    answers: { q1: i % 2 === 0, q2: 'ok', q3: i % 5, q4: 'n/a' },
    notes: note,
  };
}

function localDb(name) {
  if (ADAPTER === 'memory') return new PouchDB(name, { adapter: 'memory' });
  return new PouchDB(path.join(LOCAL_DIR, name), { adapter: 'leveldb' });
}

async function fill(db) {
  const docs = [];
  for (let i = 0; i < N; i++) docs.push(makeDoc(i));
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < docs.length; i += 1000) {
    const res = await db.bulkDocs(docs.slice(i, i + 1000));
    if (res.some((r) => r.error)) throw new Error('bulkDocs error');
  }
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

async function timedReplicate(src, dst) {
  const t0 = process.hrtime.bigint();
  const res = await PouchDB.replicate(src, dst, { batch_size: BATCH });
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  if (res.docs_written !== N || res.doc_write_failures !== 0) {
    throw new Error('unexpected replication result ' + JSON.stringify(res));
  }
  return secs;
}

(async () => {
  const sample = JSON.stringify(makeDoc(1234)).length;
  console.log(`N=${N} adapter=${ADAPTER} batch_size=${BATCH} reps=${REPS} doc_json_bytes~${sample} server=${SERVER}`);
  const rows = [];
  for (let rep = 1; rep <= REPS; rep++) {
    const tag = `${ADAPTER}_${BATCH}_${Date.now()}_${rep}`;
    // PUSH: local -> server (fresh remote db)
    const src = localDb('src_' + tag);
    const fillSecs = await fill(src);
    const remote = new PouchDB(`${SERVER}/bench_${tag}`);
    const pushSecs = await timedReplicate(src, remote);
    const rinfo = await remote.info();
    if (rinfo.doc_count !== N) throw new Error('remote doc_count ' + rinfo.doc_count);
    // PULL: server -> fresh local db
    const dst = localDb('dst_' + tag);
    const pullSecs = await timedReplicate(remote, dst);
    const linfo = await dst.info();
    if (linfo.doc_count !== N) throw new Error('local doc_count ' + linfo.doc_count);
    // NO-OP resync (checkpoint hit): push again, nothing to send
    const t0 = process.hrtime.bigint();
    const noop = await PouchDB.replicate(src, remote, { batch_size: BATCH });
    const noopSecs = Number(process.hrtime.bigint() - t0) / 1e9;
    const row = {
      rep, fillSecs: fillSecs.toFixed(2), fill_dps: Math.round(N / fillSecs),
      push_s: pushSecs.toFixed(2), push_dps: Math.round(N / pushSecs),
      pull_s: pullSecs.toFixed(2), pull_dps: Math.round(N / pullSecs),
      noop_resync_ms: Math.round(noopSecs * 1000), noop_docs_written: noop.docs_written,
    };
    rows.push(row);
    console.log(JSON.stringify(row));
    await remote.destroy();
    await src.destroy();
    await dst.destroy();
  }
  const med = (k) => { const v = rows.map((r) => r[k]).sort((a, b) => a - b); return v[Math.floor(v.length / 2)]; };
  console.log(`MEDIAN push_docs_per_s=${med('push_dps')} pull_docs_per_s=${med('pull_dps')} local_bulkDocs_docs_per_s=${med('fill_dps')} noop_resync_ms=${med('noop_resync_ms')}`);
})().catch((e) => { console.error(e); process.exit(1); });
