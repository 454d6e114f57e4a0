export { DISCARDED_ROOT, Root, sectionRoot, sectionIdOfRoot } from './lib/roots.ts'
export type { FixedRoot, WriteTarget } from './lib/roots.ts'
export { ROLES, isRole, roleLabel } from './lib/roles.ts'
export type { Role } from './lib/roles.ts'
export { mayWrite, refusalReason } from './lib/permissions.ts'
export type { PermissionContext } from './lib/permissions.ts'
export {
  SECTION_STATUSES,
  sectionStatusLabel,
  instantiateTemplate,
  OVERVIEW_TEXT_KEYS,
  sectionEntry,
  readSections,
  sectionKeyOf,
  sectionKindOf,
  readSectionStatuses,
  onSectionsChange,
  sectionPlainText,
} from './lib/documentModel.ts'
export type { SectionStatus, SectionSeed, TemplateSeed, SectionInfo, OverviewTextKey } from './lib/documentModel.ts'
export { registerBody, loginBody, workspaceBody, memberBody, roleBody, documentBody, lockBody } from './lib/api.ts'
export type { ApiErrorBody } from './lib/api.ts'
export { displayText } from './lib/displayText.ts'
export type { DiffOp, SectionDiff, VersionBlock, VersionRun, VersionSection } from './lib/versionViews.ts'
export { TEMPLATE_IDS, isTemplateId } from './lib/templates/templateIds.ts'
export type { TemplateId } from './lib/templates/templateIds.ts'
export { SECTION_KINDS } from './lib/templates/TemplateDefinition.ts'
export type { SectionKind, SectionTemplate, TemplateDefinition } from './lib/templates/TemplateDefinition.ts'
export { templates } from './lib/templates/templates.ts'
export { getTemplate } from './lib/templates/getTemplate.ts'
export { templateSchema } from './lib/templates/templateSchema.ts'
export { countChars } from './lib/templates/countChars.ts'
export { SECTION_TEXT_HEADING_LEVELS, sectionHeadingLevel } from './lib/sectionHeadingLevel.ts'
export { fieldsView } from './lib/fieldsView/fieldsView.ts'
export { fieldsPlacement } from './lib/fieldsView/fieldsPlacement.ts'
export type { FieldsSection } from './lib/fieldsView/fieldsPlacement.ts'
export type { FieldsViewSection } from './lib/fieldsView/fieldsView.ts'
export type { FieldsBlock, FieldsFact, FieldsFacts, FieldsTable, FieldsView } from './lib/fieldsView/FieldsBlock.ts'
export { readFieldValues } from './lib/fieldsView/readFieldValues.ts'
export { sectionLanguage } from './lib/templates/sectionLanguage.ts'
export { canonicalJson } from './lib/canonicalJson.ts'
export { COMMENT_MAX_CHARS } from './lib/commentLimits.ts'
export { textSplice, movedCaret, rebaseEdit } from './lib/textSplice.ts'
export type { TextSplice } from './lib/textSplice.ts'
export type { LastRestore } from './lib/lastRestore.ts'
