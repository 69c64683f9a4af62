// Loaded with `node --import` into a process under test: its clock reads
// NEWSDESK_TEST_CLOCK_OFFSET_MS milliseconds later (negative: earlier) than this computer's, as a
// laptop whose clock is wrong would (faketime is not on these machines). Only Date moves: timers
// and performance.now keep real time, as they do on such a laptop.

const offset = Number(process.env.NEWSDESK_TEST_CLOCK_OFFSET_MS ?? 0);

if (offset) {
  const RealDate = Date;
  // A function rather than a class: Date() called without `new` returns a string.
  function SkewedDate(...args) {
    if (!new.target) return new RealDate(RealDate.now() + offset).toString();
    return args.length === 0 ? new RealDate(RealDate.now() + offset) : new RealDate(...args);
  }
  SkewedDate.prototype = RealDate.prototype;
  SkewedDate.now = () => RealDate.now() + offset;
  SkewedDate.parse = RealDate.parse;
  SkewedDate.UTC = RealDate.UTC;
  globalThis.Date = SkewedDate;
}
