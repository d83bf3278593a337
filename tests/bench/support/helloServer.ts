import express from 'express';

/** The reference: express's hello world, on the same machine, in a child process of its own. */
const app = express();
app.get('/', (_req, res) => {
  res.send('Hello World!');
});
app.listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1');
