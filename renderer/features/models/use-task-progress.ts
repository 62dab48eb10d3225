import { useEffect, useState } from 'react';
import type { EngineEvent } from '../../../native/contract/index.js';
import { useBridge } from '../../app/bridge-context.js';

export type TaskProgress = Extract<EngineEvent, { kind: 'progress' }>;

/** The latest progress event of every engine task whose name starts with `prefix`. */
export function useTaskProgress(prefix: string): Record<string, TaskProgress> {
  const bridge = useBridge();
  const [tasks, setTasks] = useState<Record<string, TaskProgress>>({});
  useEffect(
    () =>
      bridge.subscribe((e) => {
        if (e.kind === 'progress' && e.task.startsWith(prefix))
          setTasks((t) => ({ ...t, [e.task]: e }));
      }),
    [bridge, prefix],
  );
  return tasks;
}
