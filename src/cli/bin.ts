import { main } from './main.js';
import { nodeIo } from './node-io.js';

process.exitCode = main(process.argv.slice(2), nodeIo);
