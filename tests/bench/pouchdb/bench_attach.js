// Attachment replication + incremental-resync probe against pouchdb-server on loopback.
// Usage: node bench_attach.js [N_DOCS=50] [ATT_MB=2]
'use strict';
const PouchDB = require('pouchdb');
const crypto = require('crypto');
const fs = require('fs');
const N = parseInt(process.argv[2] || '50', 10);
const MB = parseFloat(process.argv[3] || '2');
const SERVER = 'http://127.0.0.1:5985';
// The client's leveldb files: POUCH_LOCAL_DIR (scripts/bench-pouchdb.sh sets it).
const DIR = process.env.POUCH_LOCAL_DIR || '/tmp/pouch/localdbs';
fs.mkdirSync(DIR, { recursive: true });
const secs = (t0) => Number(process.hrtime.bigint() - t0) / 1e9;

(async () => {
  const tag = Date.now();
  const src = new PouchDB(`${DIR}/att_src_${tag}`);
  const remote = new PouchDB(`${SERVER}/att_${tag}`);
  const dst = new PouchDB(`${DIR}/att_dst_${tag}`);
  const bytes = Math.round(MB * 1024 * 1024);
  for (let i = 0; i < N; i++) {
    await src.put({
      _id: 'photo:' + i, type: 'photo', visit: 'visit:' + i,
      _attachments: { 'img.jpg': { content_type: 'image/jpeg', data: crypto.randomBytes(bytes) } },
    });
  }
  const totalMB = (N * bytes) / 1048576;
  let t0 = process.hrtime.bigint();
  await PouchDB.replicate(src, remote, { batch_size: 10 });
  const push = secs(t0);
  t0 = process.hrtime.bigint();
  await PouchDB.replicate(remote, dst, { batch_size: 10 });
  const pull = secs(t0);
  const got = await dst.getAttachment('photo:0', 'img.jpg');
  if (got.length !== bytes) throw new Error('attachment size mismatch');
  console.log(JSON.stringify({ docs: N, att_MB_each: MB, total_MB: totalMB.toFixed(1),
    push_s: push.toFixed(2), push_MBps: (totalMB / push).toFixed(1),
    pull_s: pull.toFixed(2), pull_MBps: (totalMB / pull).toFixed(1) }));

  // Incremental: 100 small new docs on top of existing db, then resync (delta after checkpoint)
  const small = [];
  for (let i = 0; i < 100; i++) small.push({ _id: 'delta:' + i, type: 'review', note: 'x'.repeat(900) });
  await src.bulkDocs(small);
  t0 = process.hrtime.bigint();
  const r = await PouchDB.replicate(src, remote, { batch_size: 100 });
  console.log(JSON.stringify({ incremental_push_docs: r.docs_written, incremental_push_ms: Math.round(secs(t0) * 1000) }));
  await remote.destroy(); await src.destroy(); await dst.destroy();
})().catch((e) => { console.error(e); process.exit(1); });
