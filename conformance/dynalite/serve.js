// Starts dynalite in memory on 127.0.0.1 at a port the system picks, prints the port on one line
// and stops when its standard input closes (so it never outlives the test JVM that started it).
const dynalite = require('dynalite');
const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
server.listen(0, '127.0.0.1', () => {
  process.stdout.write('port ' + server.address().port + '\n');
});
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
