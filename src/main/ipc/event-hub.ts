/**
 * Main → renderer events. Until the renderer says `ready` (it has subscribed and loaded its
 * snapshots) events are queued, and only what still matters is kept: the latest copy of each job,
 * the latest progress of each download, the latest status, the last few notices. A reload of the
 * page calls `reset`, and events queue again until the new page says ready.
 */
import { eventChannel, type EmitEvent, type EventName, type EventPayload } from '../../shared/ipc';
import type { DownloadProgress, JobView } from '../../shared/domain';
import type { AppStatus, NavigateRequest, Notice } from '../../shared/ipc';

/** Puts one event on the wire: webContents.send in the app, page.evaluate in the e2e host. */
export type EventSender = (channel: string, payload: unknown) => void;

export interface EventHub {
  emit: EmitEvent;
  /** The renderer is listening: send what was queued, then everything live. */
  ready(): void;
  /** The page went away (reload, crash): queue again until it says ready. Nothing queued is lost. */
  reset(): void;
  readonly isReady: boolean;
}

export const MAX_QUEUED_NOTICES = 20;

interface Queue {
  jobs: Map<string, JobView>;
  progress: Map<string, DownloadProgress>;
  status: AppStatus | null;
  notices: Notice[];
  navigate: NavigateRequest | null;
}

const emptyQueue = (): Queue => ({ jobs: new Map(), progress: new Map(), status: null, notices: [], navigate: null });

export function createEventHub(send: EventSender): EventHub {
  let live = false;
  let queue = emptyQueue();

  const put = <E extends EventName>(name: E, payload: EventPayload<E>) => {
    try {
      send(eventChannel(name), payload);
    } catch (error) {
      // A window closing mid-send must not break the engine that emitted the event.
      console.error(`Could not send the ${name} event:`, error);
    }
  };

  const enqueue: EmitEvent = (name, payload) => {
    switch (name) {
      case 'jobChanged': {
        const job = payload as JobView;
        queue.jobs.delete(job.id);
        queue.jobs.set(job.id, job);
        break;
      }
      case 'downloadProgress': {
        const progress = payload as DownloadProgress;
        queue.progress.set(progress.jobId, progress);
        break;
      }
      case 'appStatus':
        queue.status = payload as AppStatus;
        break;
      case 'notice':
        queue.notices.push(payload as Notice);
        if (queue.notices.length > MAX_QUEUED_NOTICES) queue.notices.shift();
        break;
      case 'navigate':
        queue.navigate = payload as NavigateRequest;
        break;
    }
  };

  return {
    emit: (name, payload) => (live ? put(name, payload) : enqueue(name, payload)),
    ready() {
      const queued = queue;
      queue = emptyQueue();
      live = true;
      for (const job of queued.jobs.values()) put('jobChanged', job);
      for (const progress of queued.progress.values()) put('downloadProgress', progress);
      if (queued.status) put('appStatus', queued.status);
      for (const notice of queued.notices) put('notice', notice);
      if (queued.navigate) put('navigate', queued.navigate);
    },
    reset() {
      // While live nothing is queued; before the first ready (the first load) the queue must survive.
      live = false;
    },
    get isReady() {
      return live;
    },
  };
}
