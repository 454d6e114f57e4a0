import type { Role } from '@samskriv/schema'

export interface TestUser {
  id: string
  email: string
  name: string
  token: string
}

let counter = 0

/** Calls the API with a bearer token; returns status and parsed body. */
export async function call(baseUrl: string, method: string, path: string, token?: string, body?: unknown) {
  const response = await fetch(baseUrl + path, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  })
  const text = await response.text()
  let json: any = undefined
  try {
    json = JSON.parse(text)
  } catch {
    json = text
  }
  return { status: response.status, body: json, headers: response.headers }
}

export async function registerUser(baseUrl: string, name = 'Testare'): Promise<TestUser> {
  const email = `user${Date.now()}-${++counter}@example.se`
  const { status, body } = await call(baseUrl, 'POST', '/api/auth/register', undefined, { email, name, password: 'lösenord123' })
  if (status !== 201) throw new Error(`register failed: ${status} ${JSON.stringify(body)}`)
  return { id: body.user.id, email, name, token: body.token }
}

export interface Fixture {
  coordinator: TestUser
  workspaceId: string
  documentId: string
  sections: Array<{ id: string; key: string; title: string }>
  addMember(role: Role, name?: string): Promise<TestUser>
}

/** A coordinator with a workspace and one document of `template`. */
export async function newFixture(baseUrl: string, template = 'esf-projektide'): Promise<Fixture> {
  const coordinator = await registerUser(baseUrl, 'Samordnare Siv')
  const workspace = await call(baseUrl, 'POST', '/api/workspaces', coordinator.token, { name: 'Förbundet' })
  const document = await call(baseUrl, 'POST', `/api/workspaces/${workspace.body.id}/documents`, coordinator.token, { template, title: 'Ansökan' })
  if (document.status !== 201) throw new Error(`create document failed: ${JSON.stringify(document.body)}`)
  return {
    coordinator,
    workspaceId: workspace.body.id,
    documentId: document.body.id,
    sections: document.body.sections,
    async addMember(role, name = role) {
      const user = await registerUser(baseUrl, name)
      const added = await call(baseUrl, 'POST', `/api/workspaces/${workspace.body.id}/members`, coordinator.token, { email: user.email, role })
      if (added.status !== 201) throw new Error(`add member failed: ${JSON.stringify(added.body)}`)
      return user
    },
  }
}
