import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { ServiceProblem } from '../shared/problems';
import './service.scss';

export interface ProblemNoticeProps {
  problem: ServiceProblem;
  /** Label and action for the problem's next step; no button without one. */
  action?: { label: string; onClick: () => void };
  className?: string;
}

/** The server's refusal in its own words, what to do about it, and a button for the next step. */
export default function ProblemNotice({ problem, action, className }: ProblemNoticeProps) {
  const classes = ['service-problem', `service-problem--${problem.code}`, className].filter(Boolean).join(' ');
  return (
    <View className={classes} role="alert">
      <Text className="service-problem__message">{problem.message}</Text>
      {problem.hint ? <Text className="service-problem__hint">{problem.hint}</Text> : null}
      {action ? (
        <Button className="service-problem__next" size="large" block onClick={action.onClick}>
          {action.label}
        </Button>
      ) : null}
    </View>
  );
}
