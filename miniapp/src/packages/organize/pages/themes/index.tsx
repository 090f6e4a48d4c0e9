import { useMemo, useState } from 'react';
import type { ActivityThemeView } from '@pioneer/shared-types';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { createTheme, deleteTheme, listThemes } from '@/api/activities';
import ChoiceChips from '@/components/choice-chips';
import SectionCard from '@/components/section-card';
import SelectField from '@/components/select-field';
import StateView from '@/components/state-view';
import TextField from '@/components/text-field';
import { useFormErrors } from '@/hooks/use-form-errors';
import { useQuery } from '@/hooks/use-query';
import { useSubmit } from '@/hooks/use-submit';
import { confirmAction } from '@/services/confirm';
import { toast } from '@/services/toast';
import OrganizeFrame from '../../components/organize-frame';
import { monthOptions } from '../../shared/time';
import './index.scss';

export const THEME_TITLE_MAX = 40;
const FIELDS = ['month', 'title'] as const;

const monthLabel = (month: string): string => `${Number(month.slice(5))}月`;

function Themes() {
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const themes = useQuery(() => listThemes(year), [year]);
  const months = useMemo(() => monthOptions(year), [year]);
  const [month, setMonth] = useState('');
  const [title, setTitle] = useState('');
  const create = useSubmit((key: string, body: { month: string; title: string }) => createTheme(body, key));
  const remove = useSubmit(async (key: string, id: string): Promise<true> => {
    await deleteTheme(id, key);
    return true;
  });
  const form = useFormErrors(create.error, FIELDS);

  const add = async () => {
    const local = { month: month === '' ? '请选择月份' : undefined, title: title.trim() === '' ? '请填写主题' : undefined };
    form.setLocal(local);
    if (local.month || local.title) return;
    const created = await create.run({ month, title: title.trim() });
    if (!created) return;
    toast('已添加');
    setTitle('');
    setMonth('');
    void themes.reload();
  };

  const drop = async (theme: ActivityThemeView) => {
    if (!(await confirmAction('删除主题', `删除${monthLabel(theme.month)}的主题“${theme.title}”？`, '删除'))) return;
    if (await remove.run(theme.id)) {
      toast('已删除');
      void themes.reload();
    }
  };

  // A refusal (the theme is used by an activity) stays on screen under the list, not in a toast that vanishes.
  const refusal = remove.error;
  const list = themes.data ?? [];
  const sorted = [...list].sort((a, b) => a.month.localeCompare(b.month));

  return (
    <>
      <ChoiceChips
        className="organize-tabs themes-years"
        options={[thisYear - 1, thisYear, thisYear + 1].map((value) => ({ value: String(value), label: `${value}年` }))}
        value={String(year)}
        onChange={(value) => {
          setYear(Number(value));
          setMonth('');
        }}
      />
      <SectionCard className="themes-list" title={`${year}年主题`}>
        {themes.error && !themes.loading && !themes.data ? (
          <StateView className="themes-error" status="error" message={themes.error.message} onRetry={() => void themes.reload()} />
        ) : !themes.data ? (
          <StateView className="themes-loading" status="loading" />
        ) : sorted.length === 0 ? (
          <StateView className="themes-empty" status="empty" message={`${year}年还没有主题，可在下面添加`} />
        ) : (
          sorted.map((theme) => (
            <View key={theme.id} className="theme-row">
              <Text className="theme-row__month">{monthLabel(theme.month)}</Text>
              <Text className="theme-row__title">{theme.title}</Text>
              <View className="theme-row__delete" role="button" aria-label={`删除${monthLabel(theme.month)}的主题`} onClick={() => void drop(theme)}>
                <Text>删除</Text>
              </View>
            </View>
          ))
        )}
        {refusal ? (
          <View className="organize-banner themes-delete-error" role="alert">
            <Text>{refusal.message}</Text>
          </View>
        ) : null}
      </SectionCard>
      <SectionCard className="themes-add" title="添加主题">
        <SelectField
          className="themes-month"
          label="月份"
          required
          value={month}
          options={months}
          error={form.errors.month}
          onChange={(value) => {
            setMonth(value);
            form.clear('month');
          }}
        />
        <TextField
          className="themes-title"
          label="主题"
          required
          maxLength={THEME_TITLE_MAX}
          value={title}
          placeholder="如：学雷锋志愿服务月"
          error={form.errors.title}
          onChange={(value) => {
            setTitle(value);
            form.clear('title');
          }}
        />
        {form.message ? (
          <View className="organize-banner themes-add-error" role="alert">
            <Text>{form.message}</Text>
          </View>
        ) : null}
        <Button className="themes-add__button" type="primary" size="large" block loading={create.pending} disabled={create.pending} onClick={() => void add()}>
          添加
        </Button>
        <Text className="organize-meta">已被活动用过的主题不能删除。</Text>
      </SectionCard>
    </>
  );
}

export default function OrganizeThemesPage() {
  return (
    <OrganizeFrame
      title="每月主题"
      subtitle="一月一主题：发布活动时可选当月主题"
      className="organize-themes-page"
      allow={(viewer) => viewer.isOrganizer}
      deniedMessage="只有组织者可以设置每月主题"
    >
      {() => <Themes />}
    </OrganizeFrame>
  );
}
