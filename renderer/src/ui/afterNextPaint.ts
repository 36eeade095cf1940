/**
 * Runs `callback` once the next frame has been painted (a message posted in a frame's callback is delivered after
 * that frame), so work started then never holds up what that frame shows. Returns the function that cancels it.
 */
export function afterNextPaint(callback: () => void): () => void {
  let cancelled = false;
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    if (!cancelled) callback();
  };
  const frame = requestAnimationFrame(() => channel.port2.postMessage(null));
  return () => {
    cancelled = true;
    cancelAnimationFrame(frame);
    channel.port1.close();
  };
}
