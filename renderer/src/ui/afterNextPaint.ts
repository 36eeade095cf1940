interface Waiting {
  callback: () => void;
  cancelled: boolean;
}

/** Callbacks whose frame has been painted, in the order of the messages posted for them. */
const painted: Waiting[] = [];
let paintedPort: MessagePort | undefined;

/**
 * One channel for every call: the Compare area asks at each step of a scroll, and a channel made each time (a pair of
 * ports the collector must then trace and close) added to the collections that missed scroll frames.
 */
function postPainted(waiting: Waiting): void {
  if (!paintedPort) {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      const next = painted.shift();
      if (next && !next.cancelled) next.callback();
    };
    paintedPort = channel.port2;
  }
  painted.push(waiting);
  paintedPort.postMessage(null);
}

/**
 * Runs `callback` once the next frame has been painted (a message posted in a frame's callback is delivered after
 * that frame), so work started then never holds up what that frame shows. Returns the function that cancels it.
 */
export function afterNextPaint(callback: () => void): () => void {
  const waiting: Waiting = { callback, cancelled: false };
  const frame = requestAnimationFrame(() => postPainted(waiting));
  return () => {
    waiting.cancelled = true;
    cancelAnimationFrame(frame);
  };
}
