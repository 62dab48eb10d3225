import type { evaluateApi } from '../contract/evaluate.js';
import type { ApiParsedRequest, ApiResponse } from '../contract/api.js';
import type { Project } from '../store/project.js';
import { evaluateCompare } from './evaluate-compare.js';
import { entityPatterns } from './evaluate-patterns.js';
import { fixReference, referenceHistory } from './evaluate-reference.js';
import { evalFacets, evalUtteranceDetail, queryEvalUtterances } from './evaluate-utterances.js';

type EvaluateMethod = keyof typeof evaluateApi;
export type EvaluateHandlers = {
  [M in EvaluateMethod]: (req: ApiParsedRequest<M>) => ApiResponse<M> | Promise<ApiResponse<M>>;
};

/** The Evaluate workspace's part of the service API. */
export function evaluateHandlers(project: Project): EvaluateHandlers {
  return {
    'evaluate.compare': (r) => evaluateCompare(project, r.runIds),
    'evaluate.facets': (r) => evalFacets(project, r.runId),
    'evaluate.utterances': (r) => queryEvalUtterances(project, r),
    'evaluate.utterance': (r) => evalUtteranceDetail(project, r.utteranceId, r.runIds),
    'evaluate.patterns': (r) => entityPatterns(project, r.runId, r.type),
    'evaluate.fixReference': (r) => fixReference(project, r),
    'evaluate.history': (r) => referenceHistory(project, r.utteranceId),
  };
}
