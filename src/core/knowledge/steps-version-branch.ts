import type { LibraryStep } from './library-model.js';

/**
 * With the release unknown, a plan whose commands differ by release opens with the command that shows
 * it; each such step then stands under the release it is for ("If AdminDisplayVersion shows Version
 * 15.x …"), never one command with the other releases in prose.
 */
export const VERSION_BRANCH_STEPS: LibraryStep[] = [
  {
    id: 'show-exchange-version',
    role: 'any',
    title: {
      en: 'On {server}: show its Exchange release and roles first: AdminDisplayVersion Version 15.x is Exchange 2013 or later, 14.x Exchange 2010, 8.x Exchange 2007; ServerRole shows Edge for an Edge Transport server. The steps below that differ by release say which they are for',
      ja: '{server} で: 最初に Exchange のリリースと役割を表示します。AdminDisplayVersion が Version 15.x なら Exchange 2013 以降、14.x なら Exchange 2010、8.x なら Exchange 2007 です。エッジ トランスポート サーバーなら ServerRole に Edge と表示されます。リリースで異なる以下の手順には、どのリリース用かを示しています',
    },
    why: {
      en: 'The cmdlets and services differ between releases (Get-TransportServer up to 2010, Get-TransportService from 2013; the Exchange Back End site exists only from 2013): the paste does not show which this server runs.',
      ja: 'コマンドレットやサービスはリリースによって異なります (2010 までは Get-TransportServer、2013 からは Get-TransportService。Exchange Back End サイトは 2013 以降にだけあります)。貼り付けからはこのサーバーのリリースがわかりません。',
    },
    command: { default: 'Get-ExchangeServer {serverOrPlaceholder} | fl Name,AdminDisplayVersion,ServerRole' },
  },
];
