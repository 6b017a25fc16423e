import type { CalendarDate, DateWindow } from '../calendar'
import type { Target } from '../model'

/**
 * The 2025 commitments of a real report (../shared/seeds/000_19038bcaddf8b743.txt, "三、2025年工作谋划"), with its
 * section tree (（一） → 一是) and targets as written there. Departments, people, baselines and phasing are not
 * in the text; they are illustrative, chosen so the example reads like a real office's 台账.
 */

export const EXAMPLE_PLAN = {
  name: '2025年工作谋划',
  organisation: '市委政策研究室',
  window: { start: '2025-01-01', end: '2025-12-31' } satisfies DateWindow,
}

/** The date the example's entries run up to unless the user picks another: the end of the third quarter. */
export const EXAMPLE_DEFAULT_AS_OF: CalendarDate = '2025-09-30'

/**
 * The date the example's entries run up to when the first-run screen opens on `today`: the end of the third
 * quarter, or today if that is earlier (entries after today are refused), but never before the plan starts.
 */
export function exampleAsOf(today: CalendarDate): CalendarDate {
  if (today >= EXAMPLE_DEFAULT_AS_OF) return EXAMPLE_DEFAULT_AS_OF
  return today < EXAMPLE_PLAN.window.start ? EXAMPLE_PLAN.window.start : today
}

export const EXAMPLE_DEPARTMENTS = ['办公室', '综合科', '法治研究科', '经济研究科', '社会研究科', '组织人事科'] as const
type DepartmentName = (typeof EXAMPLE_DEPARTMENTS)[number]

export const EXAMPLE_PEOPLE: readonly { name: string; department: DepartmentName }[] = [
  { name: '陈建国', department: '办公室' },
  { name: '刘红梅', department: '办公室' },
  { name: '王芳', department: '办公室' },
  { name: '李明', department: '法治研究科' },
  { name: '赵磊', department: '综合科' },
  { name: '孙丽', department: '组织人事科' },
  { name: '周强', department: '社会研究科' },
  { name: '吴敏', department: '经济研究科' },
]

/** How the example means each commitment to stand at the chosen date, so every status appears. */
export type ExampleRole = 'achieved' | 'on_track' | 'at_risk' | 'behind'

export interface ExampleCommitment {
  title: string
  target: Target
  lead: DepartmentName
  co: DepartmentName[]
  leader: string
  owner: string
  role: ExampleRole
  /** What an entry's note says, cycled through the entries. */
  notes: string[]
  place: string
  participants: string
}

export interface ExampleSection {
  title: string
  children: { title: string; commitments: ExampleCommitment[] }[]
}

const count = (value: number, unit: string): Target => ({ kind: 'count', value, direction: 'at_least', unit })

export const EXAMPLE_SECTIONS: readonly ExampleSection[] = [
  {
    title: '固法治根本，强化思想与制度建设',
    children: [
      {
        title: '思维重塑铸魂',
        commitments: [
          {
            title: '组织集中学习、研讨交流等活动',
            target: count(15, '次'),
            lead: '办公室',
            co: ['法治研究科'],
            leader: '陈建国',
            owner: '王芳',
            role: 'on_track',
            notes: ['集中学习宪法', '学习党内法规专题研讨', '邀请法学专家案例解读', '民法典专题学习交流'],
            place: '三楼会议室',
            participants: '全体干部',
          },
          {
            title: '法治思维考核在干部年度考核中占比',
            target: { kind: 'ratio', percent: 20, direction: 'at_least', baseline: 8 },
            lead: '组织人事科',
            co: [],
            leader: '刘红梅',
            owner: '孙丽',
            role: 'at_risk',
            notes: ['年度考核方案修订稿测算', '考核指标权重调整测算'],
            place: '',
            participants: '',
          },
          {
            title: '建立法治思维考核指标体系',
            target: {
              kind: 'milestone',
              stages: [
                { id: 'stage-design', title: '制定考核指标体系', dueDate: '2025-06-30' },
                { id: 'stage-adopt', title: '纳入干部年度考核内容', dueDate: '2025-12-31' },
              ],
            },
            lead: '组织人事科',
            co: ['办公室'],
            leader: '刘红梅',
            owner: '孙丽',
            role: 'on_track',
            notes: ['室务会审议通过'],
            place: '',
            participants: '',
          },
        ],
      },
      {
        title: '制度精修强基',
        commitments: [
          {
            title: '修订完善制度',
            target: count(10, '项'),
            lead: '办公室',
            co: ['综合科'],
            leader: '陈建国',
            owner: '王芳',
            role: 'behind',
            notes: ['修订公文处理办法', '修订财务管理制度', '完善监督结果公示制度'],
            place: '',
            participants: '',
          },
        ],
      },
      {
        title: '流程再造增效',
        commitments: [
          {
            title: '工作效率（人均月办件量）',
            target: { kind: 'percent_change', percent: 30, direction: 'increase', baseline: 20, unit: '件' },
            lead: '综合科',
            co: [],
            leader: '陈建国',
            owner: '赵磊',
            role: 'achieved',
            notes: ['月度办件量统计'],
            place: '',
            participants: '',
          },
          {
            title: '法治风险点',
            target: { kind: 'percent_change', percent: 20, direction: 'decrease', baseline: 25, unit: '个' },
            lead: '法治研究科',
            co: ['综合科'],
            leader: '陈建国',
            owner: '李明',
            role: 'behind',
            notes: ['季度法治风险排查'],
            place: '',
            participants: '',
          },
        ],
      },
    ],
  },
  {
    title: '优法治服务，提升决策与研究水平',
    children: [
      {
        title: '决策智囊升级',
        commitments: [
          {
            title: '开展前瞻性法治调研',
            target: count(12, '次'),
            lead: '法治研究科',
            co: ['经济研究科', '社会研究科'],
            leader: '刘红梅',
            owner: '李明',
            role: 'on_track',
            notes: ['营商环境法治保障调研', '基层治理法治化调研', '数据要素立法需求调研'],
            place: '各区县',
            participants: '法治研究科调研组',
          },
          {
            title: '法治决策咨询专家库专家数量',
            target: { kind: 'level', value: 50, direction: 'at_least', unit: '人', baseline: 32 },
            lead: '法治研究科',
            co: [],
            leader: '刘红梅',
            owner: '李明',
            role: 'at_risk',
            notes: ['专家库人数统计'],
            place: '',
            participants: '',
          },
          {
            title: '专家参与决策咨询',
            target: count(20, '次'),
            lead: '法治研究科',
            co: ['综合科'],
            leader: '刘红梅',
            owner: '李明',
            role: 'at_risk',
            notes: ['重大决策专家论证', '政策文件合法性咨询'],
            place: '二楼会议室',
            participants: '咨询专家',
          },
        ],
      },
      {
        title: '研究深度拓展',
        commitments: [
          {
            title: '合作开展重大法治课题研究',
            target: count(6, '项'),
            lead: '法治研究科',
            co: ['经济研究科'],
            leader: '刘红梅',
            owner: '吴敏',
            role: 'achieved',
            notes: ['城市治理现代化法治课题立项', '经济高质量发展法治瓶颈课题立项'],
            place: '',
            participants: '法治研究联盟成员单位',
          },
        ],
      },
      {
        title: '民意桥梁筑牢',
        commitments: [
          {
            title: '开展民意处理情况回头看活动',
            target: count(2, '次'),
            lead: '社会研究科',
            co: [],
            leader: '陈建国',
            owner: '周强',
            role: 'achieved',
            notes: ['民意反馈处理台账回头看'],
            place: '',
            participants: '社会研究科',
          },
        ],
      },
    ],
  },
  {
    title: '强法治保障，打造队伍与文化环境',
    children: [
      {
        title: '人才培优工程',
        commitments: [
          {
            title: '引进法治人才',
            target: count(5, '名'),
            lead: '组织人事科',
            co: [],
            leader: '刘红梅',
            owner: '孙丽',
            role: 'behind',
            notes: ['公开招聘法治人才到岗'],
            place: '',
            participants: '',
          },
          {
            title: '开展分类培训活动',
            target: count(10, '次'),
            lead: '组织人事科',
            co: ['办公室'],
            leader: '刘红梅',
            owner: '孙丽',
            role: 'on_track',
            notes: ['法律实务操作培训', '法治理论提升培训'],
            place: '培训中心',
            participants: '青年干部',
          },
        ],
      },
      {
        title: '协作联动机制',
        commitments: [
          {
            title: '与外部法律专业机构共同开展法治实践活动',
            target: count(5, '次'),
            lead: '综合科',
            co: ['法治研究科'],
            leader: '陈建国',
            owner: '赵磊',
            role: 'on_track',
            notes: ['联合法律宣传', '联合法律风险评估'],
            place: '',
            participants: '合作律师事务所',
          },
        ],
      },
      {
        title: '文化培育行动',
        commitments: [
          {
            title: '新增法治文化展示区',
            target: {
              kind: 'milestone',
              stages: [
                { id: 'stage-area-1', title: '一楼大厅展示区', dueDate: '2025-06-30' },
                { id: 'stage-area-2', title: '三楼走廊展示区', dueDate: '2025-09-30' },
                { id: 'stage-area-3', title: '五楼阅览室展示区', dueDate: '2025-12-31' },
              ],
            },
            lead: '办公室',
            co: [],
            leader: '陈建国',
            owner: '王芳',
            role: 'behind',
            notes: ['展示区建成投入使用'],
            place: '',
            participants: '',
          },
          {
            title: '开展法治文化主题活动',
            target: count(3, '次'),
            lead: '办公室',
            co: ['组织人事科'],
            leader: '陈建国',
            owner: '王芳',
            role: 'achieved',
            notes: ['法治文化征文比赛', '法治文艺表演'],
            place: '机关礼堂',
            participants: '全体干部',
          },
        ],
      },
    ],
  },
]
