import { useRef, type ReactNode } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { PickedFile } from '@/api/file-transfer';
import './index.scss';

export interface FilePickerProps {
  /** Without the dot: ['xlsx', 'csv']. */
  extensions: readonly string[];
  onPick: (file: PickedFile) => void;
  /** Larger files are refused here, before a slow upload that the server would refuse anyway. */
  maxBytes?: number;
  disabled?: boolean;
  className?: string;
  children: ReactNode;
}

function hasExtension(name: string, extensions: readonly string[]): boolean {
  const lower = name.toLowerCase();
  return extensions.some((extension) => lower.endsWith(`.${extension.toLowerCase()}`));
}

function say(title: string): void {
  Taro.showToast({ title, icon: 'none', duration: 3000 }).catch(() => undefined);
}

/**
 * Choosing one file. H5 (the desktop console) uses a hidden file input; WeChat has no file system to browse, so it
 * offers files from a chat (chooseMessageFile), which is how rosters reach an organizer's phone.
 */
export default function FilePicker({ extensions, onPick, maxBytes, disabled, className, children }: FilePickerProps) {
  const inputRef = useRef<HTMLInputElement | null>(null);

  const deliver = (file: PickedFile): void => {
    if (!hasExtension(file.name, extensions)) {
      say(`请选择 ${extensions.join(' 或 ')} 格式的文件`);
      return;
    }
    if (maxBytes !== undefined && file.size > maxBytes) {
      say(`文件不能超过 ${Math.floor(maxBytes / 1024 / 1024)} MB`);
      return;
    }
    onPick(file);
  };

  const chooseInWechat = async (): Promise<void> => {
    let result: Taro.chooseMessageFile.SuccessCallbackResult;
    try {
      result = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: [...extensions] });
    } catch {
      // Cancelled: nothing to do.
      return;
    }
    const file = result.tempFiles[0];
    if (file) deliver({ kind: 'path', name: file.name, size: file.size, path: file.path });
  };

  const choose = (): void => {
    if (disabled) return;
    if (process.env.TARO_ENV === 'h5') inputRef.current?.click();
    else void chooseInWechat();
  };

  return (
    <View className={['file-picker', className].filter(Boolean).join(' ')}>
      {process.env.TARO_ENV === 'h5' ? (
        <input
          ref={inputRef}
          className="file-picker__input"
          type="file"
          accept={extensions.map((extension) => `.${extension}`).join(',')}
          disabled={disabled}
          onChange={(event) => {
            const input = event.currentTarget;
            const file = input.files?.[0];
            // Cleared so choosing the same file again (after fixing it in Excel) fires change again.
            input.value = '';
            if (file) deliver({ kind: 'blob', name: file.name, size: file.size, blob: file });
          }}
        />
      ) : null}
      <Button className="file-picker__button" type="primary" fill="outline" size="large" block disabled={disabled} onClick={choose}>
        {children}
      </Button>
    </View>
  );
}
