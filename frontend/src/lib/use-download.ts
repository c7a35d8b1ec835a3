import { useMutation } from '@tanstack/react-query';
import { downloadFile, type ApiFile } from './api-client';

/** Download an authenticated file on demand: `mutate()` to start; `isPending` and `error` for the UI. */
export function useDownload(file: ApiFile) {
  return useMutation({ mutationFn: () => downloadFile(file) });
}
