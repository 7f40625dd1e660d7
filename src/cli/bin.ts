import { committeeMain, COMMITTEE_COMMANDS } from './committee.js';
import { langOf, main } from './main.js';
import { nodeIo } from './node-io.js';

const argv = process.argv.slice(2);
process.exitCode = (COMMITTEE_COMMANDS as readonly string[]).includes(argv[0] ?? '')
  ? await committeeMain(argv, nodeIo, langOf(argv))
  : main(argv, nodeIo);
