// Skill tags shared by demands and graduate profiles. Each entry is one canonical id (already in
// normalised form), its display label and the spellings that mean the same skill. Aliases are
// written in normalised form too (NFKC, lower-case, single spaces); a spec checks that.

export interface SkillEntry {
  readonly id: string;
  readonly label: string;
  readonly aliases: readonly string[];
}

export const SKILL_VOCABULARY: readonly SkillEntry[] = [
  // 软件与信息技术
  { id: 'javascript', label: 'JavaScript', aliases: ['js', 'java script', 'ecmascript', 'es6'] },
  { id: 'typescript', label: 'TypeScript', aliases: ['ts'] },
  { id: 'java', label: 'Java', aliases: ['java se', 'java ee', 'j2ee', 'java开发'] },
  { id: 'python', label: 'Python', aliases: ['python3', 'python 3', 'python编程'] },
  { id: 'c', label: 'C 语言', aliases: ['c语言', 'c language'] },
  { id: 'c++', label: 'C++', aliases: ['cpp', 'c plus plus'] },
  { id: 'c#', label: 'C#', aliases: ['csharp', 'c sharp', 'c#.net'] },
  { id: 'go', label: 'Go 语言', aliases: ['golang', 'go语言'] },
  { id: 'html', label: 'HTML', aliases: ['html5'] },
  { id: 'css', label: 'CSS', aliases: ['css3'] },
  { id: 'vue', label: 'Vue.js', aliases: ['vue.js', 'vuejs', 'vue3', 'vue2'] },
  { id: 'react', label: 'React', aliases: ['react.js', 'reactjs'] },
  { id: 'node.js', label: 'Node.js', aliases: ['nodejs', 'node'] },
  { id: 'spring', label: 'Spring / Spring Boot', aliases: ['spring boot', 'springboot', 'spring cloud'] },
  { id: 'sql', label: 'SQL', aliases: ['sql语言', '结构化查询语言'] },
  { id: 'mysql', label: 'MySQL', aliases: ['my sql'] },
  { id: 'postgresql', label: 'PostgreSQL', aliases: ['postgres', 'pgsql'] },
  { id: 'oracle', label: 'Oracle 数据库', aliases: ['oracle数据库', 'oracle database'] },
  { id: 'redis', label: 'Redis', aliases: [] },
  { id: 'linux', label: 'Linux', aliases: ['linux系统', 'linux运维'] },
  { id: 'docker', label: 'Docker', aliases: ['容器化'] },
  { id: 'kubernetes', label: 'Kubernetes', aliases: ['k8s'] },
  { id: 'git', label: 'Git', aliases: ['github', 'gitlab', '版本控制'] },
  { id: '软件测试', label: '软件测试', aliases: ['测试', 'software testing', '自动化测试'] },
  { id: '网络安全', label: '网络安全', aliases: ['信息安全', 'cyber security', 'cybersecurity'] },
  { id: '数据分析', label: '数据分析', aliases: ['data analysis', '数据统计分析'] },
  { id: '机器学习', label: '机器学习', aliases: ['machine learning', 'ml'] },
  { id: '深度学习', label: '深度学习', aliases: ['deep learning'] },
  { id: '人工智能', label: '人工智能', aliases: ['ai', 'artificial intelligence'] },
  { id: 'matlab', label: 'MATLAB', aliases: [] },

  // 制造与智能制造
  { id: 'plc', label: 'PLC 编程', aliases: ['plc编程', '可编程逻辑控制器', '可编程控制器', '西门子plc', '三菱plc'] },
  { id: 'autocad', label: 'AutoCAD', aliases: ['cad', 'auto cad', 'cad制图', 'cad绘图'] },
  { id: 'solidworks', label: 'SolidWorks', aliases: ['solid works'] },
  { id: 'ug', label: 'UG / NX', aliases: ['ug nx', 'nx', 'siemens nx', 'ug建模'] },
  { id: 'cnc编程', label: '数控（CNC）编程', aliases: ['数控编程', 'cnc', '数控', '数控加工'] },
  { id: '数控车床操作', label: '数控车床操作', aliases: ['数控车工', '数控车床', '数控铣工'] },
  { id: '焊接', label: '焊接', aliases: ['焊工', '电焊', '电焊工', '氩弧焊', 'welding'] },
  { id: '电工', label: '电工', aliases: ['维修电工', '电工操作', 'electrician'] },
  { id: '钳工', label: '钳工', aliases: ['装配钳工', '机修钳工'] },
  { id: '工业机器人', label: '工业机器人操作与运维', aliases: ['工业机器人运维', '机器人编程', 'industrial robot'] },
  { id: '机电一体化', label: '机电一体化', aliases: ['mechatronics'] },
  { id: '单片机', label: '单片机 / 嵌入式开发', aliases: ['mcu', 'stm32', '51单片机', '嵌入式', '嵌入式开发'] },
  { id: '质量检验', label: '质量检验', aliases: ['qc', '质检', '品质检验'] },
  { id: '六西格玛', label: '六西格玛', aliases: ['six sigma', '6sigma', '6 sigma'] },

  // 电商与新媒体
  { id: '电商运营', label: '电商运营', aliases: ['电子商务运营', '网店运营', '淘宝运营', '店铺运营'] },
  { id: '直播电商', label: '直播电商', aliases: ['直播带货', '电商直播', '直播运营'] },
  { id: '新媒体运营', label: '新媒体运营', aliases: ['自媒体运营', '社交媒体运营'] },
  { id: '视频剪辑', label: '视频剪辑', aliases: ['短视频剪辑', '剪辑', '剪映', 'premiere', 'video editing'] },
  { id: 'photoshop', label: 'Photoshop', aliases: ['ps', 'adobe photoshop', '图片处理'] },
  { id: 'seo', label: '搜索引擎优化（SEO）', aliases: ['搜索引擎优化'] },
  { id: '客户服务', label: '客户服务', aliases: ['客服', '在线客服', 'customer service'] },

  // 财务会计与办公
  { id: '会计电算化', label: '会计电算化', aliases: ['电算化', '财务软件'] },
  { id: '财务分析', label: '财务分析', aliases: ['financial analysis', '财务报表分析'] },
  { id: '成本核算', label: '成本核算', aliases: ['成本会计'] },
  { id: '纳税申报', label: '纳税申报', aliases: ['税务申报', '报税'] },
  { id: '出纳', label: '出纳', aliases: [] },
  { id: '用友', label: '用友财务软件', aliases: ['用友u8', 'u8', 'yonyou'] },
  { id: '金蝶', label: '金蝶财务软件', aliases: ['kingdee', '金蝶k3', '金蝶kis'] },
  { id: 'excel', label: 'Excel', aliases: ['ms excel', 'microsoft excel'] },
  { id: 'office', label: '办公软件', aliases: ['办公软件', 'ms office', 'microsoft office', 'office办公', 'wps'] },
  { id: 'ppt', label: 'PPT 制作', aliases: ['powerpoint', 'ppt制作'] },

  // 护理与健康
  { id: '临床护理', label: '临床护理', aliases: ['护理', '护理操作', '基础护理'] },
  { id: '静脉输液', label: '静脉输液', aliases: ['静脉穿刺', '输液'] },
  { id: '急救', label: '急救（心肺复苏）', aliases: ['心肺复苏', 'cpr', 'bls', '急救技能'] },
  { id: '老年护理', label: '老年照护', aliases: ['老年照护', '养老护理'] },
  { id: '母婴护理', label: '母婴护理', aliases: ['月嫂', '产后护理'] },

  // 通用
  { id: '英语', label: '英语', aliases: ['english', '英文'] },
];
