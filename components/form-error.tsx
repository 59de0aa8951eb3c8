/** An inline error under a form; renders nothing when there is no message. */
export function FormError({ message, testId }: { message: string | null | undefined; testId: string }) {
  if (!message) return null;
  return (
    <p role="alert" data-testid={testId} className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
      {message}
    </p>
  );
}
