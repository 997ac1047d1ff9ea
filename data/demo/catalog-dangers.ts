/**
 * Hidden-danger vocabulary: everyday findings per industry; a major one (重大事故隐患) takes
 * its title from the item of the sector's published list it matches (server/domain).
 */
import type { Industry } from '../../server/db/schema/enterprises.ts'
import {
  findMajorList,
  listForIndustry,
  type MajorDangerList,
} from '../../server/domain/registry/major-danger-lists.ts'

export const generalDangerTitles: Record<Industry, readonly string[]> = {
  危险化学品: [
    '储罐区可燃气体检测报警器未按期标定',
    '装卸区静电接地装置失效',
    '罐区防火堤存在孔洞未封堵',
    '动火作业票证审批不规范',
    '应急物资柜正压式空气呼吸器压力不足',
    '安全阀校验超期',
    '工艺操作规程未及时修订',
    '现场安全警示标识缺失',
    '消防水炮出水不畅',
    '仓库化学品未按禁忌分类存放',
  ],
  煤矿: [
    '工作面瓦斯传感器吊挂位置不当',
    '带式输送机防跑偏保护失效',
    '巷道局部支护变形未及时处理',
    '井下避难硐室氧气储量不足',
    '采空区密闭墙漏风',
    '主排水泵未进行联合试运转',
    '局部通风机未实现双风机自动切换',
    '防尘洒水管路未延伸至工作面',
  ],
  非煤矿山: [
    '尾矿库排洪设施淤堵',
    '露天采场边坡存在浮石',
    '井下安全出口标识不清',
    '爆破器材库防雷检测超期',
    '提升机钢丝绳未按期检验',
    '采空区未按规定充填或封闭',
  ],
  烟花爆竹: [
    '库房超量储存成品',
    '防静电设施未定期检测',
    '仓库防雷装置检测超期',
    '药物存放区与生活区安全距离不足',
    '从业人员未持证上岗',
  ],
  冶金工贸: [
    '煤气区域一氧化碳报警器失效',
    '高温熔融金属吊运设备未定期检验',
    '粉尘涉爆区域除尘系统未清扫',
    '有限空间作业未执行先通风后检测',
    '设备转动部位防护罩缺失',
    '液氧储罐区周边存放可燃物',
  ],
  其他: [
    '消防通道被占用',
    '配电箱未做接地保护',
    '燃气管道未设置紧急切断阀',
    '应急预案未按期演练',
    '特种设备未按期检验',
  ],
}

/** The published list each industry's major dangers are judged by (server/domain). */
export const majorLists: Partial<Record<Industry, MajorDangerList>> = Object.fromEntries(
  Object.entries(listForIndustry).flatMap(([industry, id]) => {
    const list = id ? findMajorList(id) : null
    return list ? [[industry, list]] : []
  }),
)

export const dangerStatusWeights = {
  /** Deadline not yet reached on the reference date. */
  pending: [
    ['open', 45],
    ['rectifying', 40],
    ['verified', 10],
    ['closed', 5],
  ],
  /** Deadline passed: most are done, the rest are overdue. */
  due: [
    ['closed', 60],
    ['verified', 14],
    ['rectifying', 16],
    ['open', 10],
  ],
} as const
