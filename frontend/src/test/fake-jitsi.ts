/** A fake JitsiMeetExternalAPI for unit tests: records construction, commands and listeners. */
import type { JitsiMeetApi, JitsiMeetOptions } from '@/features/live/jitsi/external-api';

export class FakeJitsi implements JitsiMeetApi {
  static instances: FakeJitsi[] = [];
  readonly listeners = new Map<string, ((payload?: unknown) => void)[]>();
  readonly commands: unknown[][] = [];
  disposed = false;

  constructor(
    readonly domain: string,
    readonly options: JitsiMeetOptions,
  ) {
    FakeJitsi.instances.push(this);
  }

  addListener(event: string, listener: (payload?: unknown) => void) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
  }

  executeCommand(command: string, ...args: unknown[]) {
    this.commands.push([command, ...args]);
  }

  dispose() {
    this.disposed = true;
  }

  emit(event: string, payload?: unknown) {
    this.listeners.get(event)?.forEach((listener) => listener(payload));
  }

  static last(): FakeJitsi {
    const last = FakeJitsi.instances.at(-1);
    if (!last) throw new Error('JitsiMeetExternalAPI was never constructed');
    return last;
  }
}

export const loadFakeJitsi = async () => FakeJitsi;
