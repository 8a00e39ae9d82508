/** Back-pressure between the generator and the loaders, and a small pool for index builds. */
import type { SeedTable } from "./tables.js";

export interface Chunk {
  table: SeedTable;
  /** UTF-8 CSV (COPY … WITH (FORMAT csv)), whole lines. */
  data: Uint8Array;
  rows: number;
}

/** Chunks waiting for one lane, with a byte budget the producer waits on (back-pressure). */
export class ChunkQueue {
  private readonly items: Chunk[] = [];
  private bytes = 0;
  private closed = false;
  private failure: unknown;
  private wakeConsumer?: () => void;
  private wakeProducer?: () => void;

  constructor(private readonly maxBytes: number) {}

  push(chunk: Chunk): void {
    if (this.failure) throw this.failure;
    this.items.push(chunk);
    this.bytes += chunk.data.byteLength;
    this.wakeConsumer?.();
  }

  /** Resolves when the queue is under its budget again. */
  async room(): Promise<void> {
    while (this.bytes > this.maxBytes && !this.failure) await new Promise<void>((resolve) => (this.wakeProducer = resolve));
    if (this.failure) throw this.failure;
  }

  close(): void {
    this.closed = true;
    this.wakeConsumer?.();
  }

  /** Stops both sides: the producer's next push/room and the consumer's next read throw `error`. */
  fail(error: unknown): void {
    this.failure ??= error;
    this.wakeProducer?.();
    this.wakeConsumer?.();
  }

  async next(): Promise<Chunk | undefined> {
    while (this.items.length === 0 && !this.closed && !this.failure) await new Promise<void>((resolve) => (this.wakeConsumer = resolve));
    if (this.failure) throw this.failure;
    const chunk = this.items.shift();
    if (chunk) {
      this.bytes -= chunk.data.byteLength;
      if (this.bytes <= this.maxBytes) this.wakeProducer?.();
    }
    return chunk;
  }
}

/** Runs at most `size` tasks at a time, in submission order; `size` may change while tasks run. */
export class TaskPool {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private size: number) {}

  resize(size: number): void {
    this.size = size;
    while (this.active < this.size && this.waiting.length) {
      this.active++;
      this.waiting.shift()!();
    }
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active < this.size) this.active++;
    else await new Promise<void>((resolve) => this.waiting.push(resolve)); // a finishing task hands over its slot
    try {
      return await task();
    } finally {
      const next = this.active <= this.size ? this.waiting.shift() : undefined;
      if (next) next();
      else this.active--;
    }
  }
}
