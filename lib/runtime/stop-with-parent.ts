// A signal sent to `npm start` / `npm run worker` reaches npm and its shell, not the script: npm
// exits without passing it on and the script would run on, orphaned. Scripts call this to stop,
// as if signalled, once whoever started them is gone.
export function stopWithParent(stop: () => void, everyMs = 500): void {
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) stop();
  }, everyMs).unref();
}
