// Runs the CLI from source in a child process, exactly as bin/linkmedic.js runs the build.
import { main } from '../../src/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
