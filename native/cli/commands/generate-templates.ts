import { UserError } from '../../contract/errors.js';
import { bootstrapTemplates } from '../../service/bootstrap-templates.js';
import { closeInferenceWorker } from '../../workers/inference.js';
import { printJson, printLine } from '../output.js';
import { wholeNumber } from '../whole-number.js';

export interface BootstrapOpts {
  templatesFrom: string;
  to?: string;
  mt?: string;
  out?: string;
  beams: string;
  maxLength: string;
  json?: boolean;
}

/** `charkha generate --templates-from en --to hi --mt M [--out folder]`. */
export async function runBootstrap(o: BootstrapOpts): Promise<void> {
  if (o.to === undefined || o.mt === undefined) {
    throw new UserError(
      'bad_input',
      'generate --templates-from: give --to <lang> and --mt <model>',
    );
  }
  const out = o.out ?? `${o.to}-templates-mt`;
  try {
    const r = await bootstrapTemplates({
      from: o.templatesFrom,
      to: o.to,
      model: o.mt,
      out,
      options: {
        beamSize: wholeNumber('--beams', o.beams),
        maxLength: wholeNumber('--max-length', o.maxLength),
      },
    });
    if (o.json) printJson(r);
    else {
      printLine(
        `${r.written} of ${r.templates} templates → ${out}/templates.json (review "machine"); ${r.rejected} rejected → ${out}/rejected.json`,
      );
      printLine(
        `  try them: charkha generate --lang ${o.to} --templates ${out} --count 20 --out rows.jsonl`,
      );
    }
  } finally {
    await closeInferenceWorker();
  }
}
