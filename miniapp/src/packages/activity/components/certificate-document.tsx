import { LEDGER_SOURCE_LABELS, type CertificateView } from '@pioneer/shared-types';
import { Text, View } from '@tarojs/components';
import QrCode from '@/components/qr-code';
import { formatHours } from '@/format/hours';
import { dayKey, formatDayKey } from '../shared/dates';
import { verifyUrl } from '../shared/navigation';
import './certificate-document.scss';

/** What the QR code holds: in the browser a link anyone can open, in the mini-program the verify page's path. */
export function verifyTarget(serial: string): string {
  const path = verifyUrl(serial);
  if (process.env.TARO_ENV === 'h5' && typeof window !== 'undefined') {
    return `${window.location.origin}${window.location.pathname}#${path}`;
  }
  return path;
}

/** 报到服务证明 laid out as the paper it stands for, printable from the browser. */
export default function CertificateDocument({ certificate }: { certificate: CertificateView }) {
  // The day in the district's time, not the UTC date of the timestamp.
  const issuedOn = dayKey(new Date(certificate.issuedAt));
  return (
    <View className="certificate-document">
      <Text className="certificate-document__title">报到服务证明</Text>
      <Text className="certificate-document__serial">{`编号：${certificate.serial}`}</Text>
      <Text className="certificate-document__body">
        {`兹证明 ${certificate.memberName}${certificate.unitName ? `（${certificate.unitName}）` : ''}于 ${formatDayKey(certificate.from)} 至 ${formatDayKey(certificate.to)} 期间参加报到服务和活动，累计服务时长 ${formatHours(certificate.totalHours)}，明细如下。`}
      </Text>
      <View className="certificate-document__table">
        <View className="certificate-document__tr certificate-document__tr--head">
          <Text className="certificate-document__td certificate-document__td--date">日期</Text>
          <Text className="certificate-document__td certificate-document__td--what">内容</Text>
          <Text className="certificate-document__td certificate-document__td--hours">时长</Text>
        </View>
        {certificate.lines.map((line, index) => (
          <View key={`${line.date}-${index}`} className="certificate-document__tr certificate-document__line">
            <Text className="certificate-document__td certificate-document__td--date">{line.date}</Text>
            <Text className="certificate-document__td certificate-document__td--what">
              {`${LEDGER_SOURCE_LABELS[line.source]}：${line.title}${line.where ? `（${line.where}）` : ''}`}
            </Text>
            <Text className="certificate-document__td certificate-document__td--hours">{formatHours(line.hours)}</Text>
          </View>
        ))}
        <View className="certificate-document__tr certificate-document__tr--total">
          <Text className="certificate-document__td certificate-document__td--date">合计</Text>
          <Text className="certificate-document__td certificate-document__td--what">{`${certificate.lines.length} 项`}</Text>
          <Text className="certificate-document__td certificate-document__td--hours certificate-document__total">
            {formatHours(certificate.totalHours)}
          </Text>
        </View>
      </View>
      <Text className="certificate-document__issuer">{`出具单位：${certificate.issuer}`}</Text>
      <Text className="certificate-document__date">{`出具日期：${formatDayKey(issuedOn)}`}</Text>
      <View className="certificate-document__verify">
        <QrCode className="certificate-document__qr" value={verifyTarget(certificate.serial)} size={120} label={`核验编号 ${certificate.serial} 的二维码`} />
        <Text className="certificate-document__verify-text">可在先锋报到扫码或打开验证页核验编号</Text>
      </View>
    </View>
  );
}
