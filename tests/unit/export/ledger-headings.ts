import type { LedgerInput } from '@/export/ledger-xlsx'

/** The ledger's column headings as a Chinese office expects them, written out by hand (not read from the messages). */
export const LEDGER_HEADINGS_ZH: LedgerInput['headings'] = {
  number: '序号',
  title: '工作任务',
  requirement: '目标要求',
  lead: '责任单位',
  owner: '责任人',
  due: '完成时限',
  narrative: '进展情况',
  problems: '存在问题',
  nextSteps: '下一步措施',
  completion: '完成情况',
  actual: '实际完成',
  percent: '完成率',
  gap: '序时进度差（百分点）',
  status: '状态',
  evidence: '佐证材料',
}
