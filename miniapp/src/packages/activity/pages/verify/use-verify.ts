import { useCallback, useState } from 'react';
import { useLoad } from '@tarojs/taro';
import { verifyCertificate } from '@/api/activities';
import { useQuery } from '@/hooks/use-query';
import { queryValue } from '../../shared/scan';

/** Serials are letters, digits and dashes; anything else is a typing slip, not worth asking the server about. */
const SERIAL_PATTERN = /^[A-Za-z0-9-]{4,40}$/;

export function useVerify() {
  const [input, setInputValue] = useState('');
  const [serial, setSerial] = useState<string | null>(null);
  const [inputError, setInputError] = useState<string | undefined>(undefined);
  useLoad((options: Record<string, string | undefined>) => {
    const given = queryValue(options, 'serial');
    if (given) {
      setInputValue(given);
      setSerial(given.trim());
    }
  });
  // Public: no sign-in, and the request carries no token even when someone is signed in on this phone.
  const result = useQuery(() => verifyCertificate(serial as string), [serial], { enabled: serial !== null });

  const check = useCallback((): void => {
    const value = input.trim();
    if (!SERIAL_PATTERN.test(value)) {
      setInputError('请输入证明上的编号');
      return;
    }
    if (value === serial) void result.reload();
    else setSerial(value);
  }, [input, serial, result]);

  return {
    input,
    setInput: (value: string) => {
      setInputValue(value);
      setInputError(undefined);
    },
    inputError,
    check,
    serial,
    result,
    notFound: result.error?.status === 404 && result.error.code === 'NOT_FOUND',
  };
}
