export * from './comments.ts'
export * from './mentionQuery.ts'
export * from './segmentBody.ts'
