/** A form or page error, announced to screen readers as it appears. */
export function ErrorMessage({ message }: { message: string | null }) {
  return (
    <p className="error" role="alert">
      {message}
    </p>
  )
}
