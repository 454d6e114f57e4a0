import { matchRoute, usePath } from '../../app/useRoute.ts'

/** The id of the document page being shown; comment fields live only there. */
export function useDocumentId(): string | undefined {
  const route = matchRoute(usePath())
  return route.name === 'document' ? route.documentId : undefined
}
