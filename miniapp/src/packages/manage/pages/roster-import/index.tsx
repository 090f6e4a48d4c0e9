import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { ApiError } from '@/api/api-error';
import FieldError from '@/components/field-error';
import FilePicker from '@/components/file-picker';
import SectionCard from '@/components/section-card';
import { ROUTES } from '@/constants/routes';
import { useFormErrors } from '@/hooks/use-form-errors';
import { openPage } from '@/services/navigation';
import ManageFrame from '../../components/manage-frame';
import { ROSTER_FIELD_LABELS } from '../../shared/labels';
import { RosterRows, RosterSummary, TransferConfirm } from './roster-report';
import { commitPlan, describePlan, useRosterImport } from './use-roster-import';
import './index.scss';

const MAX_BYTES = 5 * 1024 * 1024;
// The file itself and its header (a missing 姓名 or 手机号 column) are one field, the file; the transfers ticked are another.
const FILE_FIELDS = ['file', 'name', 'phone'] as const;
const ROSTER_FIELDS = [...FILE_FIELDS, 'confirmTransfers'] as const;

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

function ErrorBanner({ error, className }: { error: ApiError; className?: string }) {
  const details = Array.isArray(error.details) ? error.details : [];
  return (
    <View className={['manage-banner', className].filter(Boolean).join(' ')} role="alert">
      <Text className="manage-banner__message">{error.message}</Text>
      {details.map((detail) => (
        <Text key={`${detail.field}-${detail.message}`} className="manage-banner__detail">
          {`${ROSTER_FIELD_LABELS[detail.field] ?? detail.field}：${detail.message}`}
        </Text>
      ))}
    </View>
  );
}

function ExportCard({ busy, error, onExport }: { busy: boolean; error: ApiError | null; onExport: (full: boolean) => void }) {
  const [fullPhones, setFullPhones] = useState(false);
  return (
    <SectionCard className="roster-export-card" title="导出名册">
      <Text className="manage-meta">导出您管理范围内的党员名册（xlsx），可修改后再导入。</Text>
      <View
        className={`roster-option${fullPhones ? ' roster-option--checked' : ''}`}
        role="checkbox"
        aria-checked={fullPhones}
        onClick={() => setFullPhones(!fullPhones)}
      >
        <Text className="roster-option__box">{fullPhones ? '✓' : ''}</Text>
        <Text className="roster-option__label">包含完整手机号（每次导出都会记录在案，请妥善保管文件）</Text>
      </View>
      {error ? <ErrorBanner error={error} className="roster-export-error" /> : null}
      <Button className="roster-export" size="large" block loading={busy} disabled={busy} onClick={() => onExport(fullPhones)}>
        导出名册
      </Button>
    </SectionCard>
  );
}

function RosterImport() {
  const state = useRosterImport();
  const { file, dryRun, result, confirmed, busy, error } = state;
  const plan = dryRun ? commitPlan(dryRun, confirmed) : null;
  const transfers = dryRun ? dryRun.rows.filter((row) => row.outcome === 'transfer') : [];
  const form = useFormErrors(error ?? undefined, ROSTER_FIELDS);

  if (result) {
    return (
      <>
        <RosterSummary report={result} />
        <View className="manage-toolbar roster-done">
          <Button className="manage-toolbar__item roster-people" type="primary" onClick={() => openPage(ROUTES.managePeople)}>
            查看党员名册
          </Button>
          <Button className="manage-toolbar__item roster-again" onClick={state.restart}>
            导入另一个文件
          </Button>
        </View>
        <RosterRows report={result} />
      </>
    );
  }

  return (
    <>
      <SectionCard className="roster-steps" title="第一步：选择名册文件">
        <Text className="manage-meta">
          支持 xlsx 或 csv，不超过 5 MB、5000 行。第一行为表头，需包含“姓名”和“手机号”列，并填写“单位”（名称或代码），可选“支部”“状态”。
        </Text>
        <FilePicker
          className="roster-upload"
          extensions={['xlsx', 'csv']}
          maxBytes={MAX_BYTES}
          disabled={busy !== null}
          onPick={state.pick}
        >
          {file ? '重新选择文件' : '选择文件'}
        </FilePicker>
        {file ? <Text className="roster-file">{`已选择：${file.name}（${sizeText(file.size)}）`}</Text> : null}
        {FILE_FIELDS.map((field) => (
          <FieldError key={field} className={`roster-file-error roster-file-error--${field}`} message={form.errors[field]} />
        ))}
        {process.env.TARO_ENV === 'weapp' ? (
          <Text className="manage-meta">在微信中请先把名册文件发送到任一聊天（如“文件传输助手”），再从聊天记录中选择。</Text>
        ) : null}
      </SectionCard>

      {file ? (
        <View className="roster-actions">
          <Button
            className="roster-dry-run"
            type="primary"
            size="large"
            block
            loading={busy === 'dry_run'}
            disabled={busy !== null}
            onClick={() => void state.check()}
          >
            {dryRun ? '重新预检' : '预检（不会写入数据）'}
          </Button>
        </View>
      ) : null}

      {form.message ? (
        <View className="roster-error-wrap">
          <View className="manage-banner roster-error" role="alert">
            <Text className="manage-banner__message">{form.message}</Text>
          </View>
        </View>
      ) : null}

      {dryRun && plan ? (
        <>
          <RosterSummary report={dryRun} />
          {transfers.length > 0 ? (
            <TransferConfirm
              rows={transfers}
              confirmed={confirmed}
              onToggle={(row) => {
                state.toggleTransfer(row);
                form.clear('confirmTransfers');
              }}
              onAll={(all) => {
                state.setAllTransfers(all);
                form.clear('confirmTransfers');
              }}
            />
          ) : null}
          <RosterRows report={dryRun} />
          <SectionCard className="roster-commit-card" title="第二步：确认导入">
            <Text className="roster-plan">{plan.empty ? '没有可以导入的行。请修改文件后重新预检。' : describePlan(plan)}</Text>
            <FieldError className="roster-transfers-error" message={form.errors.confirmTransfers} />
            <Button
              className="roster-commit"
              type="primary"
              size="large"
              block
              loading={busy === 'commit'}
              disabled={busy !== null || plan.empty}
              onClick={() => void state.commit()}
            >
              确认导入
            </Button>
          </SectionCard>
        </>
      ) : null}

      <ExportCard busy={busy === 'export'} error={state.exportError} onExport={(full) => void state.download(full)} />
    </>
  );
}

export default function RosterImportPage() {
  return (
    <ManageFrame
      className="roster-import"
      title="导入名册"
      subtitle="先预检、再确认，名册中的党员一次导入，不用逐个录入"
      allow={(viewer) => viewer.isOrganizer}
      deniedMessage="导入名册由组织者负责，请使用组织者账号登录。"
    >
      {() => <RosterImport />}
    </ManageFrame>
  );
}
