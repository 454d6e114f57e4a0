/** The fields of the API's request bodies, as a Swedish sentence names them. */
const FIELDS: Record<string, { the: string; enter: string }> = {
  email: { the: 'E-postadressen', enter: 'Ange en e-postadress.' },
  name: { the: 'Namnet', enter: 'Ange ett namn.' },
  password: { the: 'Lösenordet', enter: 'Ange ett lösenord.' },
  title: { the: 'Titeln', enter: 'Ange en titel.' },
  reason: { the: 'Anledningen', enter: 'Ange en anledning.' },
  template: { the: 'Mallen', enter: 'Välj en mall.' },
  role: { the: 'Rollen', enter: 'Välj en roll.' },
  sectionId: { the: 'Avsnittet', enter: 'Välj ett avsnitt.' },
  ids: { the: 'Listan', enter: 'Välj minst en.' },
}

/** What the client needs of a validation issue (zod's issue, loosely: its shape varies by code). */
export interface FieldIssue {
  code: string
  path: ReadonlyArray<PropertyKey>
  minimum?: number | bigint
  maximum?: number | bigint
  origin?: string
  format?: string
}

/**
 * A validation issue as a sentence a user understands, in Swedish: "Lösenordet måste ha minst 8
 * tecken.", not zod's English "Too small: expected string to have >=8 characters".
 */
export function fieldMessage(issue: FieldIssue): string {
  const key = String(issue.path[0] ?? '')
  const field = FIELDS[key] ?? { the: `Fältet ”${issue.path.join('.') || key}”`, enter: `Fyll i fältet ”${key}”.` }
  const unit = issue.origin === 'string' ? ' tecken' : ''
  switch (issue.code) {
    case 'too_small':
      return Number(issue.minimum) <= 1 ? field.enter : `${field.the} måste ha minst ${issue.minimum}${unit || ' st'}.`
    case 'too_big':
      return `${field.the} får ha högst ${issue.maximum}${unit || ' st'}.`
    case 'invalid_format':
      return issue.format === 'email' ? 'Ange en giltig e-postadress.' : `${field.the} har fel format.`
    case 'invalid_type':
      return key in FIELDS ? field.enter : `${field.the} har fel typ.`
    case 'invalid_value':
      return key in FIELDS ? field.enter : `${field.the} har ett värde som inte finns.`
    default:
      return `${field.the} har fel format.`
  }
}
