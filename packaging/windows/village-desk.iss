; Inno Setup script: the Windows installer of 村务民情台账 (Village Desk).
;
; Build the bundle first (packaging\windows\build.ps1), then:
;   iscc packaging\windows\village-desk.iss
; -> dist\village-desk-VERSION-setup.exe
;
; Needs Inno Setup 6.5 or later (its Simplified Chinese messages ship with it).
; The version comes from the bundle's village-desk.exe (its version resource is
; made by packaging\village_desk.spec from village_desk\__init__.py); pass
; /DAppVersion=X.Y.Z to override.
;
; What it does:
; * a Chinese installer; per-user install into %LOCALAPPDATA%\Programs\Village Desk,
;   no administrator rights needed;
; * Start-menu shortcuts (the program, its self-test, the data folder, uninstall)
;   and, unless unticked, a desktop shortcut;
; * upgrade in place: the same AppId finds the earlier install, closes the
;   running program, replaces the program folder; data is never in it (it is in
;   %LOCALAPPDATA%\village-desk), and the program migrates the database at its
;   next start after copying it to a backup beside it;
; * the uninstaller keeps the data unless the user says otherwise
;   (silent uninstall: unins000.exe /SILENT keeps it, add /DELETEDATA=yes to remove it).
; This file is UTF-8 with a byte-order mark, which Inno Setup needs for Chinese.

#define AppName "村务民情台账"
#define AppNameEn "Village Desk"
#define AppExe "village-desk.exe"
#define CliExe "village-desk-cli.exe"
#define Root AddBackslash(SourcePath) + "..\.."
#define Dist Root + "\dist\village-desk"
; The program's data folder: platformdirs.user_data_dir("village-desk") (see
; village_desk\core\storage\paths.py); logs and this computer's records are inside it.
#define DataDir "{localappdata}\village-desk"
; Registry key of the program's preferences (QSettings: organisation "village-desk").
#define PrefsKey "Software\village-desk"
; Exchange files (.vdx) open with the program once it can open them: set to 1
; (or pass /DExchangeFiles=1) when `village-desk.exe FILE.vdx` works.
#ifndef ExchangeFiles
  #define ExchangeFiles 0
#endif

#if VER < EncodeVer(6, 5, 0)
  #error Inno Setup 6.5 or later is needed (Simplified Chinese messages)
#endif
#if !FileExists(Dist + "\" + AppExe)
  #error dist\village-desk\village-desk.exe not found: run packaging\windows\build.ps1 first
#endif
#ifndef AppVersion
  #define AppVersion GetStringFileInfo(Dist + "\" + AppExe, "ProductVersion")
#endif
#if AppVersion == ""
  #error village-desk.exe has no version information: build it with packaging\village_desk.spec
#endif

[Setup]
; Never change AppId: upgrades find the earlier installation by it.
AppId={{6F0D8E2A-4B7C-4E51-9A3D-2C8B5E7F1A94}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
AppComments={#AppNameEn}: household contact cards, visit diaries and the matter ledger, offline
VersionInfoVersion={#GetVersionNumbersString(Dist + "\" + AppExe)}
VersionInfoProductName={#AppName}
VersionInfoProductTextVersion={#AppVersion}
VersionInfoDescription={#AppName} 安装程序
DefaultDirName={autopf}\Village Desk
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
UsePreviousAppDir=yes
; per user, no administrator: {autopf} is %LOCALAPPDATA%\Programs
PrivilegesRequired=lowest
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
SetupIconFile={#Root}\resources\icons\village-desk.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
WizardStyle=modern
ShowLanguageDialog=no
CloseApplications=yes
RestartApplications=no
Compression=lzma2/max
SolidCompression=yes
OutputDir={#Root}\dist
OutputBaseFilename=village-desk-{#AppVersion}-setup
#if ExchangeFiles
ChangesAssociations=yes
#endif

[Languages]
Name: "zh_CN"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Messages]
zh_CN.FinishedLabel=安装程序已在您的计算机中安装了 [name]。您可以通过已安装的快捷方式运行此应用程序。%n%n数据保存在本机用户的数据文件夹里（开始菜单“[name]”中的“数据文件夹”），升级或卸载程序都不会删除这些数据。第一次启动时可以载入示范数据先试用。

[CustomMessages]
zh_CN.SelfTest=自检（检查安装是否完整）
zh_CN.DataFolder=数据文件夹
zh_CN.NotInDataDir=不能把程序安装到数据文件夹（%1）里，请另选一个文件夹。
zh_CN.DeleteData=是否同时删除本机的全部数据？%n%n%1%n%n包括户情、民情日记、民情台账、备份和日志，删除后无法恢复。如果以后还要使用，或者只是重新安装，请选择“否”。
zh_CN.ExchangeFileType=村务民情台账数据交换文件

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; An upgrade replaces the program's own files entirely (no stale libraries of
; the old version); the data folder is elsewhere and untouched.
Type: filesandordirs; Name: "{app}\_internal"

[Dirs]
Name: "{#DataDir}"; Flags: uninsneveruninstall

[Files]
Source: "{#Dist}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{#DataDir}"
Name: "{group}\{cm:SelfTest}"; Filename: "{cmd}"; Parameters: "/k """"{app}\{#CliExe}"" --self-test"""; WorkingDir: "{#DataDir}"; IconFilename: "{app}\{#AppExe}"
Name: "{group}\{cm:DataFolder}"; Filename: "{#DataDir}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{#DataDir}"; Tasks: desktopicon

#if ExchangeFiles
[Registry]
Root: HKA; Subkey: "Software\Classes\.vdx\OpenWithProgids"; ValueType: string; ValueName: "VillageDesk.Exchange"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\VillageDesk.Exchange"; ValueType: string; ValueName: ""; ValueData: "{cm:ExchangeFileType}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\VillageDesk.Exchange\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\VillageDesk.Exchange\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
#endif

[Run]
; The first start after an upgrade migrates the database (a backup copy first).
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; WorkingDir: "{#DataDir}"; Flags: nowait postinstall skipifsilent

[Code]
function DataFolder(): String;
begin
  Result := ExpandConstant('{#DataDir}');
end;

function NextButtonClick(CurPageID: Integer): Boolean;
begin
  Result := True;
  if (CurPageID = wpSelectDir) and
     (Pos(Lowercase(AddBackslash(DataFolder())), Lowercase(AddBackslash(WizardDirValue()))) = 1) then
  begin
    MsgBox(FmtMessage(CustomMessage('NotInDataDir'), [DataFolder()]), mbError, MB_OK);
    Result := False;
  end;
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  Remove: Boolean;
begin
  if CurUninstallStep <> usPostUninstall then
    Exit;
  if UninstallSilent() then
    Remove := CompareText(ExpandConstant('{param:DELETEDATA|no}'), 'yes') = 0
  else
    Remove := MsgBox(FmtMessage(CustomMessage('DeleteData'), [DataFolder()]),
                     mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES;
  if Remove then
  begin
    DelTree(DataFolder(), True, True, True);
    RegDeleteKeyIncludingSubkeys(HKCU, '{#PrefsKey}');
  end;
end;
