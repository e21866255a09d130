// Public interface of the C-to-IR lowering (see README.md).
export { lowerTranslationUnit, LowerError, LowerOptions, ModuleLower } from './lower';
