import { parentPort, workerData } from 'node:worker_threads';
import { createImpact } from '../committee/impact.js';
import { itemOfLine } from './cases.js';
import { sideEvaluator, type WorkerData, type WorkerMessage } from './impact-run.js';

// One worker of `leptoguide impact --workers N`: loads both sides itself, evaluates the NDJSON lines it is sent,
// acknowledges each batch, and returns its accumulator's state when told the input is done.

const data = workerData as WorkerData;
const port = parentPort!;
const acc = createImpact(await sideEvaluator(data.base, data.defaults), await sideEvaluator(data.head, data.defaults), data.changes, data.keep);
port.on('message', (m: WorkerMessage) => {
  if (m.kind === 'done') {
    port.postMessage({ kind: 'state', state: acc.state() });
    return;
  }
  m.lines.forEach((l, i) => acc.add(itemOfLine(m.file, l.line, l.text, data.defaults.asOf), m.seq + i));
  port.postMessage({ kind: 'ack' });
});
port.postMessage({ kind: 'ready' });
