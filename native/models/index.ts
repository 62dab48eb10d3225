export { readCatalog, catalogEntryById, catalogPath, fileUrl } from './catalog.js';
export type { Catalog, CatalogEntry } from './catalog.js';
export { downloadFile } from './download.js';
export type { DownloadOptions, DownloadProgress, Downloaded } from './download.js';
export { downloadModel, discardDownload } from './download-model.js';
export type { DownloadModelOptions, DownloadModelProgress } from './download-model.js';
export { FAMILIES, familySpec } from './families.js';
export type { FamilySpec, OnnxSpec, RoleSpec, TensorSpec } from './families.js';
export { importModel } from './import.js';
export type { ImportOptions, ImportResult } from './import.js';
export { guessFamily, inferManifest } from './infer-manifest.js';
export { MANIFEST_FILE, MODEL_TASKS, parseManifest, readManifest } from './manifest.js';
export type { ModelFile, ModelManifest, ModelTask } from './manifest.js';
export { modelHome } from './model-home.js';
export { projectModelRows } from './project-models.js';
export { ModelRegistry, openModelDir, verifyModelDir } from './registry.js';
export type {
  BrokenEntry,
  FileCheck,
  ModelEntry,
  OpenedModel,
  OpenModelOptions,
  ProjectModelRow,
  RegistryOptions,
  VerifyReport,
} from './registry.js';
export { checkSignature } from './signature.js';
