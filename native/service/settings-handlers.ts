import { setAnnotator, settingsView } from '../settings/annotator.js';
import type { Project } from '../store/project.js';
import type { Handlers } from './service.js';

/** The installation's settings, for the screens (the project only lends a legacy annotator name). */
export function settingsHandlers(
  project: Project,
): Pick<Handlers, 'settings.get' | 'settings.set'> {
  return {
    'settings.get': () => settingsView(project),
    'settings.set': (r) => {
      setAnnotator(r.annotator);
      return settingsView(project);
    },
  };
}
