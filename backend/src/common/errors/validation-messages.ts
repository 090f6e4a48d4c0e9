import type { ValidationError } from 'class-validator';
import type { FieldError } from '@pioneer/shared-types';

// class-validator speaks English; people using Pioneer read Chinese. DTOs may give their own `message`,
// otherwise the constraint name picks one of these.
const BY_CONSTRAINT: Record<string, (field: string) => string> = {
  whitelistValidation: (f) => `不允许提交字段 ${f}`,
  isDefined: (f) => `${f} 为必填项`,
  isNotEmpty: (f) => `${f} 不能为空`,
  isString: (f) => `${f} 应为文字`,
  isInt: (f) => `${f} 应为整数`,
  isNumber: (f) => `${f} 应为数字`,
  isBoolean: (f) => `${f} 应为是或否`,
  isIn: (f) => `${f} 的取值不在允许范围内`,
  isEnum: (f) => `${f} 的取值不在允许范围内`,
  min: (f) => `${f} 太小`,
  max: (f) => `${f} 太大`,
  minLength: (f) => `${f} 太短`,
  maxLength: (f) => `${f} 太长`,
  isUUID: (f) => `${f} 不是有效的编号`,
  isISO8601: (f) => `${f} 应为有效的日期时间`,
  isDateString: (f) => `${f} 应为有效的日期时间`,
  matches: (f) => `${f} 格式不正确`,
  isArray: (f) => `${f} 应为列表`,
  arrayMaxSize: (f) => `${f} 的条目太多`,
  isLatitude: (f) => `${f} 不是有效的纬度`,
  isLongitude: (f) => `${f} 不是有效的经度`,
  nestedValidation: (f) => `${f} 的内容有误`,
};

function hasCustomMessage(message: string): boolean {
  return /[\u4e00-\u9fff]/.test(message);
}

export function flattenValidationErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    for (const [name, original] of Object.entries(error.constraints ?? {})) {
      const translate = BY_CONSTRAINT[name];
      const message = hasCustomMessage(original) ? original : translate ? translate(field) : `${field} 不符合要求`;
      out.push({ field, message });
    }
    if (error.children?.length) out.push(...flattenValidationErrors(error.children, field));
  }
  return out;
}
