const DOCS = 'https://docs.github.com/rest';

export interface ValidationError {
  resource: string;
  code: 'missing' | 'missing_field' | 'invalid' | 'already_exists' | 'unprocessable' | 'custom';
  field?: string;
  message?: string;
  value?: unknown;
}

/** An error answer shaped like GitHub's: `{message, documentation_url, status}` (+ `errors`). */
export class ApiError extends Error {
  readonly status: number;
  readonly body: Record<string, unknown>;
  readonly headers: Record<string, string>;

  constructor(
    status: number,
    message: string,
    extra: { errors?: ValidationError[]; documentationUrl?: string; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.status = status;
    this.headers = extra.headers ?? {};
    this.body = {
      message,
      ...(extra.errors ? { errors: extra.errors } : {}),
      documentation_url: extra.documentationUrl ?? DOCS,
      status: String(status),
    };
  }

  static notFound(): ApiError {
    return new ApiError(404, 'Not Found');
  }

  /** 422 "Validation Failed" with structured errors (issues, pulls, labels, refs). */
  static validation(...errors: ValidationError[]): ApiError {
    return new ApiError(422, 'Validation Failed', { errors });
  }

  /** 422 whose text is the whole message (contents API, check runs, git refs). */
  static unprocessable(message: string): ApiError {
    return new ApiError(422, message);
  }

  static notAccessible(): ApiError {
    return new ApiError(403, 'Resource not accessible by integration');
  }
}
